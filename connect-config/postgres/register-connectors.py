"""Registers every connector file with the Connect REST API's idempotent PUT /connectors/{name}/config.

Used by docker-compose; the local platform registers the same files through io.relaybox.connectctl.ConnectClient.
"""
import glob
import json
import os
import sys
import time
import urllib.error
import urllib.request

CONNECT_URL = os.environ.get("CONNECT_URL", "http://connect:8083")
FILES = sorted(glob.glob(os.environ.get("CONNECTOR_FILES", "/connectors/*.json")))
# Services whose migrations create the outbox tables and publications the connectors need.
WAIT_FOR = [u for u in os.environ.get("WAIT_FOR", "").split(",") if u]


def request(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(CONNECT_URL + path, data=data, method=method,
                                 headers={"Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as response:
        return response.status, json.loads(response.read() or b"null")


def wait_for(url):
    for _ in range(180):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(1)
    sys.exit("%s did not answer 200" % url)


def main():
    for url in WAIT_FOR + [CONNECT_URL + "/connectors"]:
        wait_for(url)
    for path in FILES:
        with open(path) as f:
            connector = json.load(f)
        for attempt in range(10):
            try:
                status, _ = request("PUT", "/connectors/%s/config" % connector["name"], connector["config"])
                print("%s %s" % ("created" if status == 201 else "updated", connector["name"]))
                break
            except urllib.error.HTTPError as e:
                if e.code != 409:
                    sys.exit("%s: %s %s" % (connector["name"], e.code, e.read().decode()))
                time.sleep(2 ** min(attempt, 4))  # a rebalance is in progress


if __name__ == "__main__":
    main()
