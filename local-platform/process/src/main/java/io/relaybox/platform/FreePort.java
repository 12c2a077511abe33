package io.relaybox.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ports on loopback: a preferred one when it is free, else any free one. {@link #any()} never hands out the same port
 * twice in one JVM: the kernel may give a port just closed to the next asker, and a broker given one port for two
 * listeners refuses to start (CI met it).
 */
public final class FreePort {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

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
