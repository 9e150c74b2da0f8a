import org.cnnbook.model.*;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.buffer.DataType;
public class ForwardPerLayer {
  public static void main(String[] a) throws Exception {
    if (a.length > 0) org.cnnbook.engine.Nd4jSetup.useLayerHelpers(Boolean.parseBoolean(a[0]));
    var m = Models.corrected();
    int bs = Integer.getInteger("bs", 32); var x = Nd4j.rand(DataType.FLOAT, bs, 1, 28, 28);
    for (int i = 0; i < 30; i++) m.output(x);
    long t = System.nanoTime(); int n = 200;
    for (int i = 0; i < n; i++) m.output(x);
    double ms = (System.nanoTime() - t) / 1e6 / n;
    System.out.printf("RESULT forward batch32: %.2f ms (%.0f img/s)%n", ms, 32000 / ms);
    // per layer
    var acts = m.feedForward(x, false);
    for (int l = 0; l < m.getnLayers(); l++) {
      var in = acts.get(l);
      var layer = m.getLayer(l);
      for (int i = 0; i < 10; i++) layer.activate(in, false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
      t = System.nanoTime();
      for (int i = 0; i < n; i++) layer.activate(in, false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
      System.out.printf("  layer %d %s: %.2f ms%n", l, layer.getClass().getSimpleName(), (System.nanoTime() - t) / 1e6 / n);
    }
    System.exit(0);
  }
}
