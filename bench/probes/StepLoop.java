import org.cnnbook.data.*;
import org.cnnbook.prep.*;
import org.cnnbook.model.*;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.dataset.DataSet;
/** Steady-state training step time of Models.corrected() on 200 real batches (-Dsteps=N per block, 3 blocks). */
public class StepLoop {
  public static void main(String[] a) throws Exception {
    MnistData d = Mnist.load(MnistLocation.directory(), 6400, 10);
    var x = Shapes.toNchw(Pixels.normalize(d.trainImages()));
    var y = OneHot.encode(d.trainLabels(), 10);
    if (System.getProperty("blas") != null) Nd4j.factory().blas().setMaxThreads(Integer.getInteger("blas"));
    var m = Models.corrected();
    int n = Integer.getInteger("steps", 200);
    DataSet[] batches = new DataSet[200];
    for (int i = 0; i < 200; i++) batches[i] = new DataSet(x.get(NDArrayIndex.interval(i * 32, i * 32 + 32)), y.get(NDArrayIndex.interval(i * 32, i * 32 + 32)));
    for (int i = 0; i < 100; i++) m.fit(batches[i % 200]);
    for (int r = 0; r < 3; r++) {
      long t = System.nanoTime();
      for (int i = 0; i < n; i++) m.fit(batches[i % 200]);
      System.out.printf("step %.2f ms%n", (System.nanoTime() - t) / 1e6 / n);
    }
    System.exit(0);
  }
}
