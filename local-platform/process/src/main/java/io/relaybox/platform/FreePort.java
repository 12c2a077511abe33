package io.relaybox.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on loopback: a preferred one when it is free, else any free one. */
public final class FreePort {

    private FreePort() {
    }

    /** A port that is free now on 127.0.0.1. */
    public static int any() {
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
