package org.cnnbook.onednn;

import static org.bytedeco.dnnl.global.dnnl.*;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The number type a convolution computes in (its inputs, weights and output gradients) and the type of the ND4J arrays
 * it reads and writes; master weights, biases and weight gradients stay fp32.
 */
public enum Precision {
    /** fp32 throughout. */
    FP32(dnnl_f32, dnnl_f32, DataType.FLOAT),
    /** bf16 arrays in and out. */
    BF16(dnnl_bf16, dnnl_bf16, DataType.BFLOAT16),
    /**
     * fp32 arrays, computed in bf16: the input and the output gradient are rounded to bf16 on the way in, the output
     * and the input gradient written in fp32. How a network of fp32 layers uses bf16 in its convolutions only.
     */
    BF16_IN_FP32(dnnl_bf16, dnnl_f32, DataType.FLOAT);

    final int onednnType;
    final int arrayType;
    private final DataType nd4jType;

    Precision(int onednnType, int arrayType, DataType nd4jType) {
        this.onednnType = onednnType;
        this.arrayType = arrayType;
        this.nd4jType = nd4jType;
    }

    /** The ND4J type of arrays that hold activations in this precision. */
    public DataType dataType() {
        return nd4jType;
    }
}
