package io.github.spencerpark.jupyter.channels;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import java.util.logging.Logger;
import org.cnnbook.kernel.protocol.Addresses;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** Replaces basekernel 2.3.0's IOPubChannel only to bind {@code ipc} endpoints as jupyter_client names them. */
public class IOPubChannel extends JupyterSocket {
    public IOPubChannel(ZMQ.Context context, HMACGenerator hmacGenerator) {
        super(context, SocketType.PUB, hmacGenerator, Logger.getLogger("IOPubChannel"));
    }

    @Override
    public void bind(KernelConnectionProperties connProps) {
        super.bind(Addresses.format(connProps.getTransport(), connProps.getIp(), connProps.getIopubPort()));
    }
}
