import org.cnnbook.model.Models;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Time of one training step (fit on a batch) and of each layer's backward pass, batch 32 (helpers on). */
public class BackwardPerLayer {
    public static void main(String[] args) {
        var model = Models.corrected();
        int bs = Integer.getInteger("bs", 32), n = 100;
        var x = Nd4j.rand(DataType.FLOAT, bs, 1, 28, 28);
        var y = Nd4j.zeros(DataType.FLOAT, bs, 10);
        for (int i = 0; i < bs; i++) y.putScalar(i, i % 10, 1);
        var batch = new org.nd4j.linalg.dataset.DataSet(x, y);
        for (int i = 0; i < 20; i++) model.fit(batch);
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) model.fit(batch);
        System.out.printf("training step: %.2f ms%n", (System.nanoTime() - t) / 1e6 / n);
        var mgr = LayerWorkspaceMgr.noWorkspaces();
        var acts = model.feedForward(x, true);
        for (int l = 0; l < 6; l++) {
            var layer = model.getLayer(l);
            var in = acts.get(l);
            var eps = Nd4j.rand(DataType.FLOAT, acts.get(l + 1).shape());
            for (int i = 0; i < 10; i++) { layer.activate(in, true, mgr); layer.backpropGradient(eps, mgr); }
            t = System.nanoTime();
            for (int i = 0; i < n; i++) { layer.activate(in, true, mgr); layer.backpropGradient(eps, mgr); }
            System.out.printf("  layer %d %s forward+backward: %.2f ms%n", l, layer.getClass().getSimpleName(), (System.nanoTime() - t) / 1e6 / n);
        }
        System.exit(0);
    }
}
