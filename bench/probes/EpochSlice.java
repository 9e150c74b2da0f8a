import org.cnnbook.data.*;
import org.cnnbook.prep.*;
import org.cnnbook.model.*;
import org.cnnbook.train.*;
import org.cnnbook.speed.*;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
public class EpochSlice {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]);
    MnistData d = Mnist.load(MnistLocation.directory(), n, 1000);
    var x = Shapes.toNchw(Pixels.normalize(d.trainImages()));
    var y = OneHot.encode(d.trainLabels(), 10);
    var xt = Shapes.toNchw(Pixels.normalize(d.testImages()));
    var env = Nd4j.getEnvironment();
    if (System.getProperty("ew") != null) env.setElementwiseThreshold(Integer.getInteger("ew"));
    if (System.getProperty("tad") != null) env.setTadThreshold(Integer.getInteger("tad"));
    if (System.getProperty("mt") != null) env.setMaxThreads(Integer.getInteger("mt"));
    if (System.getProperty("mmt") != null) env.setMaxMasterThreads(Integer.getInteger("mmt"));
    System.err.println("ew=" + env.elementwiseThreshold() + " tad=" + env.tadThreshold() + " mt=" + env.maxThreads() + " mmt=" + env.maxMasterThreads());
    var quiet = TrainingOptions.defaults().epochs(1).batchSize(Integer.getInteger("batch", 32)).progress(new ConsoleProgress()).reportEvery(100000).trainAccuracySamples(100);
    Trainer.fit(Models.corrected(), x.get(NDArrayIndex.interval(0, 640)), y.get(NDArrayIndex.interval(0, 640)), xt, d.testLabels(), quiet);
    var m = Models.corrected();
    long t = System.nanoTime();
    var h = Trainer.fit(m, x, y, xt, d.testLabels(), quiet);
    double s = h.epochs().get(0).seconds();
    System.out.printf("RESULT %s img/s=%.0f  (%.1f s for %d) acc=%.3f%n", String.join(" ", a), n / s, s, n, h.finalTestAccuracy());
    System.exit(0);
  }
}
