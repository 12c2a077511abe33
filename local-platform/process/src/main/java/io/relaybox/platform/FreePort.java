package io.relaybox.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports on loopback: a preferred one when it is free, else any free one. {@link #any()} never hands out the same port
 * twice in one JVM: the kernel may give a port just closed to the next asker, and a broker given one port for two
 * listeners refuses to start (CI met it). It picks below the kernel's ephemeral range (Linux:
 * {@code net.ipv4.ip_local_port_range}, 32768–60999 by default), from which every outgoing connection takes its local
 * port: a port from that range, free when picked, was taken by a client's connection before Elasticsearch (a minute
 * into a platform start, ten JVMs connecting meanwhile) could listen on it, and the platform did not start.
 */
public final class FreePort {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    /** The lowest port {@link #any()} hands out: above the usual servers' ports. */
    static final int LOWEST = 20_000;
    /** Read once: a platform start asks for some thirty ports. */
    private static final int EPHEMERAL_RANGE_START = ephemeralRangeStart(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    private static final int TRIES = 200;

    private FreePort() {
    }

    /** A port that is free now on 127.0.0.1, and not handed out by this method before in this JVM. */
    public static int any() {
        while (true) {
            int port = anyFreeNow();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
    }

    private static int anyFreeNow() {
        if (EPHEMERAL_RANGE_START - LOWEST >= 1_000) {
            for (int i = 0; i < TRIES; i++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, EPHEMERAL_RANGE_START);
                if (isFree(port)) {
                    return port;
                }
            }
        }
        // a kernel handing out nearly every port to outgoing connections, or no free port below its range: ask it
        return kernelsChoice();
    }

    /** The first port of the kernel's ephemeral range read from this file; 32768 (Linux's default) when unreadable. */
    static int ephemeralRangeStart(Path file) {
        try {
            // a line at a time: Files.readString reads a /proc file's first byte only (its size says 0)
            String[] range = Files.readAllLines(file).get(0).trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static int kernelsChoice() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PlatformException("no free port on loopback: " + e.getMessage(), e);
        }
    }

    /** The preferred port when it is free, else any free port. */
    public static int preferring(int preferred) {
        return isFree(preferred) ? preferred : any();
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
