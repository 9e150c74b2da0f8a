package org.cnnbook.kernel.protocol;

/** ZeroMQ endpoints as jupyter_client writes them: {@code tcp://ip:port}, but {@code ipc://path-port}. */
public final class Addresses {
    private Addresses() {}

    public static String format(String transport, String ip, int port) {
        return "tcp".equals(transport) ? transport + "://" + ip + ":" + port : transport + "://" + ip + "-" + port;
    }
}
