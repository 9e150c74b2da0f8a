import org.cnnbook.data.*;
import org.cnnbook.prep.*;
import org.cnnbook.model.*;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.dataset.DataSet;
import java.util.*;
/** A/B of two model variants in one JVM, alternating blocks of steps. args: replacements "from=to,from=to" for B. */
public class AB {
  public static void main(String[] a) throws Exception {
    MnistData d = Mnist.load(MnistLocation.directory(), 6400, 10);
    var x = Shapes.toNchw(Pixels.normalize(d.trainImages()));
    var y = OneHot.encode(d.trainLabels(), 10);
    var ma = Models.corrected();
    String json = ma.getLayerWiseConfigurations().toJson();
    for (String r : a[0].split(",")) { String[] p = r.split("="); json = json.replace(p[0], p[1]); }
    var mb = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(json)); mb.init();
    System.out.println("B layers: " + mb.getLayer(6).getClass().getSimpleName() + " " + mb.getLayer(7).getClass().getSimpleName() + " " + mb.getLayer(0).getClass().getSimpleName());
    DataSet[] batches = new DataSet[200];
    for (int i = 0; i < 200; i++) batches[i] = new DataSet(x.get(NDArrayIndex.interval(i * 32, i * 32 + 32)), y.get(NDArrayIndex.interval(i * 32, i * 32 + 32)));
    for (int i = 0; i < 150; i++) { ma.fit(batches[i % 200]); mb.fit(batches[i % 200]); }
    List<Double> ta = new ArrayList<>(), tb = new ArrayList<>();
    for (int r = 0; r < 8; r++) {
      for (var m : new MultiLayerNetwork[]{ma, mb}) {
        long t = System.nanoTime();
        for (int i = 0; i < 100; i++) m.fit(batches[i % 200]);
        (m == ma ? ta : tb).add((System.nanoTime() - t) / 1e6 / 100);
      }
    }
    Collections.sort(ta); Collections.sort(tb);
    System.out.printf("A median %.2f ms  B median %.2f ms  B/A %.3f%n", ta.get(4), tb.get(4), tb.get(4) / ta.get(4));
    System.exit(0);
  }
}
