package org.cnnbook.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import java.util.List;

/** basekernel's kernel_info_reply plus the {@code status: "ok"} field the protocol requires. */
public class OkKernelInfoReply extends KernelInfoReply {
    @SuppressWarnings("unused") // serialised by gson
    private final String status = "ok";

    public OkKernelInfoReply(
            String protocolVersion,
            String implementationName,
            String implementationVersion,
            LanguageInfo languageInfo,
            String banner,
            List<LanguageInfo.Help> helpLinks) {
        super(protocolVersion, implementationName, implementationVersion, languageInfo, banner, helpLinks);
    }
}
