package io.protohive.kernel.memory;

import io.protohive.kernel.llm.LocalEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic unit vectors from a Gaussian mixture, shaped like the model's embeddings of the
 * benchmark's sentences (measured: a random pair at cosine 0.2, the 10 nearest of 3,000 at about
 * 0.6): every vector leans towards one direction common to all, as the model's embeddings do, and
 * towards one of {@value #CENTRES} topic centres, with Gaussian noise whose scale differs from
 * vector to vector, so that some memories sit closer to their topic than others. Queries are drawn
 * from the same mixture, from a stream of their own. As many as wanted, at no cost, and the same in
 * every run.
 */
public final class ClusteredVectors implements MemoryVectors {

  static final int CENTRES = 200;

  /** Weights of the common direction, the topic and the noise: cosines 0.2 across topics. */
  private static final double COMMON = Math.sqrt(0.2);

  private static final double TOPIC = Math.sqrt(0.4);
  private static final double NOISE = Math.sqrt(0.4);

  private final int dimensions = LocalEmbeddingModel.DIMENSIONS;
  private final float[] common;
  private final float[][] centres = new float[CENTRES][];
  private final Random memoryDraws;
  private final Random queryDraws;

  public ClusteredVectors(long seed) {
    Random shape = new Random(seed);
    common = unit(gaussian(shape, 1));
    for (int i = 0; i < CENTRES; i++) {
      centres[i] = unit(gaussian(shape, 1));
    }
    memoryDraws = new Random(seed + 1);
    queryDraws = new Random(seed + 2);
  }

  @Override
  public List<float[]> memories(List<String> texts) {
    return draw(memoryDraws, texts.size());
  }

  @Override
  public List<float[]> queries(int count) {
    return draw(queryDraws, count);
  }

  private List<float[]> draw(Random random, int count) {
    List<float[]> vectors = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      float[] centre = centres[random.nextInt(CENTRES)];
      // noise of unit length on average, scaled by 0.6 to 1.4
      float[] noise = gaussian(random, (0.6 + 0.8 * random.nextDouble()) / Math.sqrt(dimensions));
      float[] vector = new float[dimensions];
      for (int i = 0; i < dimensions; i++) {
        vector[i] = (float) (COMMON * common[i] + TOPIC * centre[i] + NOISE * noise[i]);
      }
      vectors.add(unit(vector));
    }
    return vectors;
  }

  private float[] gaussian(Random random, double deviation) {
    float[] vector = new float[dimensions];
    for (int i = 0; i < dimensions; i++) {
      vector[i] = (float) (random.nextGaussian() * deviation);
    }
    return vector;
  }

  private static float[] unit(float[] vector) {
    double norm = 0;
    for (float value : vector) {
      norm += value * value;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < vector.length; i++) {
      vector[i] *= scale;
    }
    return vector;
  }
}
