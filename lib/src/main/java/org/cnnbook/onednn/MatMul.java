package org.cnnbook.onednn;

import static org.bytedeco.dnnl.global.dnnl.*;

import org.bytedeco.dnnl.dnnl_matmul_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One fp32 matrix product {@code C[m, n] = [relu](op(A) · op(B) (+ bias row))} for one {@link ProductShape}, its primitive
 * built once; a transposed operand is read in place through its layout, not copied. ND4J's {@code Nd4j.gemm} goes
 * through libnd4j's matmul op, which builds a oneDNN primitive on every call: for a layer's small products that
 * costs more than the product.
 * <p>
 * Not thread-safe: one instance per layer and shape, used by one training thread.
 */
public final class MatMul {
    private final ProductShape shape;
    private final dnnl_primitive primitive;
    private final Memory a, b, bias, c;

    public static MatMul of(ProductShape shape) {
        return new MatMul(shape);
    }

    private MatMul(ProductShape s) {
        this.shape = s;
        // oneDNN's logical dims are [m, k] and [k, n]; "ba" reads the array stored as its transpose
        dnnl_memory_desc_t aMd = Descs.of(dnnl_f32, s.transposeA() ? dnnl_ba : dnnl_ab, s.m(), s.k());
        dnnl_memory_desc_t bMd = Descs.of(dnnl_f32, s.transposeB() ? dnnl_ba : dnnl_ab, s.k(), s.n());
        dnnl_memory_desc_t biasMd = s.bias() ? Descs.of(dnnl_f32, dnnl_ab, 1, s.n()) : null;
        dnnl_memory_desc_t cMd = Descs.of(dnnl_f32, dnnl_ab, s.m(), s.n());
        dnnl_matmul_desc_t desc = new dnnl_matmul_desc_t();
        OneDnn.check(dnnl_matmul_desc_init(desc, aMd, bMd, biasMd, cMd), "describing the product " + s);
        dnnl_primitive_attr attr = s.relu() ? OneDnn.reluAfter() : null;
        dnnl_primitive_desc pd = OneDnn.primitiveDesc(desc, attr, null, "product " + s);
        if (attr != null) dnnl_primitive_attr_destroy(attr);
        primitive = OneDnn.primitive(pd, "product " + s);
        dnnl_primitive_desc_destroy(pd);
        a = Memory.bound(aMd);
        b = Memory.bound(bMd);
        bias = s.bias() ? Memory.bound(biasMd) : null;
        c = Memory.bound(cMd);
    }

    /**
     * {@code out = [relu](op(left) · op(right) (+ biasRow))}: contiguous C-order fp32 arrays, {@code left} stored as [m, k]
     * (or [k, m] when the shape transposes it), {@code right} as [k, n] (or [n, k]); {@code biasRow} null unless the
     * shape has a bias.
     */
    public void run(INDArray left, INDArray right, INDArray biasRow, INDArray out) {
        if (shape.bias())
            OneDnn.execute(
                    primitive,
                    DNNL_ARG_SRC,
                    a.bind(left),
                    DNNL_ARG_WEIGHTS,
                    b.bind(right),
                    DNNL_ARG_BIAS,
                    bias.bind(biasRow),
                    DNNL_ARG_DST,
                    c.bind(out));
        else
            OneDnn.execute(
                    primitive, DNNL_ARG_SRC, a.bind(left), DNNL_ARG_WEIGHTS, b.bind(right), DNNL_ARG_DST, c.bind(out));
    }

    public ProductShape shape() {
        return shape;
    }
}
