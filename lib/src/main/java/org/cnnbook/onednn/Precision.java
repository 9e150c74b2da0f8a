package org.cnnbook.onednn;

import static org.bytedeco.dnnl.global.dnnl.*;

import org.nd4j.linalg.api.buffer.DataType;

/** The number type of activations and convolution weights; master weights, biases and weight gradients stay fp32. */
public enum Precision {
    FP32(dnnl_f32, DataType.FLOAT),
    BF16(dnnl_bf16, DataType.BFLOAT16);

    final int onednnType;
    private final DataType nd4jType;

    Precision(int onednnType, DataType nd4jType) {
        this.onednnType = onednnType;
        this.nd4jType = nd4jType;
    }

    /** The ND4J type of arrays that hold activations in this precision. */
    public DataType dataType() {
        return nd4jType;
    }
}
