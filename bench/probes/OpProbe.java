import org.cnnbook.data.*;
import org.cnnbook.prep.*;
import org.cnnbook.engine.Nd4jSetup;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Raw libnd4j op times for the CNN's layers, batch 32: -Dnhwc=1 for channels-last, 0 for NCHW. */
public class OpProbe {
    static double time(Runnable r, int n) { for (int i = 0; i < 20; i++) r.run(); long t = System.nanoTime(); for (int i = 0; i < n; i++) r.run(); return (System.nanoTime() - t) / 1e6 / n; }
    static INDArray conv(INDArray x, INDArray w, INDArray b, int k, INDArray out, int nhwc) {
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w, b).addOutputs(out).addIntegerArguments(k, k, 1, 1, 0, 0, 1, 1, 0, nhwc, nhwc == 1 ? 2 : 1).build());
        return out;
    }
    public static void main(String[] a) throws Exception {
        Nd4jSetup.ensure();
        int bs = 32; int nhwc = Integer.getInteger("nhwc", 0);
        MnistData data = Mnist.load(MnistFiles.ensure(MnistLocation.directory(), System.err), 1000, 10);
        INDArray x = Shapes.toNchw(Pixels.normalize(data.trainImages())).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, bs)).dup();
        if (nhwc == 1) x = x.permute(0, 2, 3, 1).dup();
        int[][] cfg = {{1, 32, 5}, {32, 32, 5}, {32, 64, 3}, {64, 64, 3}};
        int[] size = {28, 24, 10, 8};
        INDArray in = x;
        for (int l = 0; l < 4; l++) {
            int ic = cfg[l][0], oc = cfg[l][1], k = cfg[l][2], s = size[l], o = s - k + 1;
            INDArray w = nhwc == 1 ? Nd4j.randn(DataType.FLOAT, oc, k, k, ic).muli(Math.sqrt(2.0 / (ic * k * k + oc))) : Nd4j.randn(DataType.FLOAT, oc, ic, k, k).muli(Math.sqrt(2.0 / (ic * k * k + oc)));
            INDArray b = Nd4j.zeros(DataType.FLOAT, oc);
            INDArray out = nhwc == 1 ? Nd4j.create(DataType.FLOAT, bs, o, o, oc) : Nd4j.create(DataType.FLOAT, bs, oc, o, o);
            final INDArray fin = in;
            double f = time(() -> conv(fin, w, b, k, out, nhwc), 100);
            INDArray gO = Nd4j.randn(DataType.FLOAT, out.shape()).muli(1e-3);
            INDArray gI = Nd4j.create(DataType.FLOAT, in.shape()), gW = Nd4j.create(DataType.FLOAT, w.shape()), gB = Nd4j.create(DataType.FLOAT, oc);
            double bwd = time(() -> Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(fin, w, b, gO).addOutputs(gI, gW, gB).addIntegerArguments(k, k, 1, 1, 0, 0, 1, 1, 0, nhwc, nhwc == 1 ? 2 : 1).build()), 100);
            double flop = 2.0 * bs * o * o * oc * ic * k * k;
            System.out.printf("conv%d fwd %.2f ms (%.0f GFLOP/s)  bwd %.2f ms (%.0f GFLOP/s)%n", l + 1, f, flop / f / 1e6, bwd, 2 * flop / bwd / 1e6);
            in = Transforms.relu(out, true);
            if (l == 1 || l == 3) {
                int po = o / 2;
                INDArray pOut = nhwc == 1 ? Nd4j.create(DataType.FLOAT, bs, po, po, oc) : Nd4j.create(DataType.FLOAT, bs, oc, po, po);
                final INDArray pin = in;
                double pf = time(() -> Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(pin).addOutputs(pOut).addIntegerArguments(2, 2, 2, 2, 0, 0, 1, 1, 0, 0, nhwc).build()), 100);
                INDArray pg = Nd4j.randn(DataType.FLOAT, pOut.shape());
                INDArray pgi = Nd4j.create(DataType.FLOAT, pin.shape());
                double pb = time(() -> Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp").addInputs(pin, pg).addOutputs(pgi).addIntegerArguments(2, 2, 2, 2, 0, 0, 1, 1, 0, 0, nhwc).build()), 100);
                System.out.printf("pool fwd %.2f ms bwd %.2f ms%n", pf, pb);
                in = pOut;
            }
        }
        INDArray d1 = Nd4j.rand(DataType.FLOAT, bs, 576), w1 = Nd4j.rand(DataType.FLOAT, 576, 256);
        System.out.printf("dense1 mmul %.3f ms; bwd-like %.3f ms%n", time(() -> d1.mmul(w1), 200), time(() -> d1.transpose().mmul(Nd4j.rand(DataType.FLOAT, bs, 256)), 200));
        System.exit(0);
    }
}
