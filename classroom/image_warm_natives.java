// Run once while classroom/Dockerfile builds the students' image: JavaCPP unpacks ND4J's (and oneDNN's) native
// libraries into its cache directory, which every student's kernel then reads, read-only, instead of unpacking its
// own copy into each home.
public class WarmNatives {
    public static void main(String[] args) throws Exception {
        System.out.println("ND4J backend: " + org.nd4j.linalg.factory.Nd4j.create(new float[] {1, 2}).sumNumber());
        org.bytedeco.javacpp.Loader.load(org.bytedeco.dnnl.global.dnnl.class);
        System.out.println("oneDNN natives unpacked");
    }
}
