package io.paramspace.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paramspace.runtime.Distribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@link Tpe.Builder#optunaSettings()} the estimator is Optuna's (the development head of
 * 5.0, whose multivariate TPE is the default): the same densities for the same observations, up to 1e-8 (Optuna computes the far tails
 * of a discrete cell through 0.5 + 0.5 erf, which loses digits there). The expected values were computed with
 * Optuna's {@code _ParzenEstimator} on these observations (numpy's {@code RandomState(0)}: two plain
 * floats, a log int, a categorical, a log float; default weights, prior weight 1, magic clip on,
 * endpoints off).
 */
class OptunaEquivalenceTest {
  private static final double[][] OBSERVATIONS = {
    {0.5488135039273248, -0.677221939476865, 24.0, 2.0, 0.0010329669551879738},
    {0.7151893663724195, 1.8711684471710832, 80.0, 1.0, 0.10800642976741368},
    {0.6027633760716439, 0.28075166108274274, 14.0, 2.0, 0.0064568979062171},
    {0.5448831829968969, 0.8421697443432423, 86.0, 2.0, 0.16053955926854296},
    {0.4236547993389047, -1.9060509978182243, 49.0, 2.0, 0.770132826493912},
    {0.6458941130666561, 1.0881774853793855, 50.0, 2.0, 0.00557518689367479},
    {0.4375872112626925, 1.0604786136121072, 70.0, 2.0, 0.053514565455295114},
    {0.8917730007820798, 1.0846699843737846, 42.0, 0.0, 0.059720824347773316},
    {0.9636627605010293, 2.718740392573121, 36.0, 1.0, 0.052090163113703826},
    {0.3834415188257777, 1.409101495517417, 65.0, 2.0, 0.004669226029558979},
    {0.7917250380826646, -0.20246049713106995, 96.0, 2.0, 0.7215177748314315},
    {0.5288949197529045, 0.18515976899670727, 70.0, 1.0, 0.021947049130435384},
    {0.5680445610939323, 1.4881559796363244, 95.0, 2.0, 0.3461194599494399},
    {0.925596638292661, -1.6988726418536508, 1.0, 1.0, 0.12544051430643316},
    {0.07103605819788694, 1.3338335772283383, 51.0, 0.0, 0.0078038848502779085},
    {0.08712929970154071, 1.353189348090797, 37.0, 2.0, 0.27630799986965465},
    {0.02021839744032572, -0.9480871946307956, 35.0, 2.0, 0.015470958549309927},
    {0.832619845547938, -1.3553685117257335, 49.0, 0.0, 0.43985505895242316},
    {0.7781567509498505, -0.4228582453790808, 94.0, 2.0, 0.05543941231681779},
    {0.8700121482468192, -0.18144614528688696, 4.0, 0.0, 0.44178003530237786},
    {0.978618342232764, 0.8509838520893984, 99.0, 0.0, 0.11956244022128884},
    {0.7991585642167236, 0.19300756731160185, 43.0, 2.0, 0.14988661076850768},
    {0.46147936225293185, 2.9418691902961314, 78.0, 0.0, 0.03191340515246818},
    {0.7805291762864555, -1.4897759462598597, 22.0, 2.0, 0.7383306613811965},
    {0.11827442586893322, -0.9556162195258264, 74.0, 2.0, 0.08550088256963294},
    {0.6399210213275238, -1.1934524105750186, 1.0, 2.0, 0.018688099841937894},
    {0.1433532874090464, 1.265541627326992, 11.0, 0.0, 0.06594466135702369},
    {0.9446689170495839, -0.7335419873010895, 44.0, 0.0, 0.0011417725427734144},
    {0.5218483217500717, 0.3315538642815312, 59.0, 0.0, 0.008030164648270104},
    {0.4146619399905236, -0.7778720399919863, 24.0, 1.0, 0.0956138074153559},
  };

  @Test
  void mixedSpaceDensitiesMatchOptuna() {
    Map<String, Distribution> d = new LinkedHashMap<>();
    d.put("a", new Distribution.FloatDistribution(0, 1, false, null));
    d.put("b", new Distribution.FloatDistribution(-2, 3, false, null));
    d.put("c", new Distribution.IntDistribution(1, 100, true, 1));
    d.put("d", new Distribution.CategoricalDistribution(List.of("p", "q", "r"), List.of(1.0, 1.0, 1.0)));
    d.put("e", new Distribution.FloatDistribution(1e-3, 1, true, null));
    Param[] params = Param.array(Param.of(d));
    Tpe optuna = Tpe.builder().optunaSettings().build();
    Parzen parzen = new Parzen(params, OBSERVATIONS, Tpe.defaultWeights(OBSERVATIONS.length), 1.0, optuna, true);
    Parzen.Scratch s = parzen.scratch();
    int[] all = {0, 1, 2, 3, 4};
    double[][] points = {{0.1, -1.9, 1, 0, 0.001}, {0.5, 0.3, 17, 2, 0.02}, {0.93, 2.5, 100, 1, 0.7}};
    double[] expected = {-9.804171278661759, -12.347230347616922, -14.500594765313325};
    for (int i = 0; i < points.length; i++) {
      assertEquals(expected[i], parzen.logDensity(points[i], all, 5, s), 1e-8);
    }
  }
}
