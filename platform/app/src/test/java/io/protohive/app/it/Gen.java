package io.protohive.app.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of random values from a seeded {@link Random}, with the few combinators the fuzz
 * suite needs; the same seed gives the same values, so a failure is repeated by running again.
 */
@FunctionalInterface
interface Gen<T> {

  T next(Random random);

  default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
    return random -> mapper.apply(next(random));
  }

  /** Null instead of a value with the given probability. */
  default Gen<T> orNull(double probability) {
    return random -> random.nextDouble() < probability ? null : next(random);
  }

  /** A list of up to {@code max} values. */
  default Gen<List<T>> list(int max) {
    return random -> {
      List<T> values = new ArrayList<>();
      for (int i = random.nextInt(max + 1); i > 0; i--) {
        values.add(next(random));
      }
      return values;
    };
  }

  @SafeVarargs
  static <T> Gen<T> of(T... values) {
    return random -> values[random.nextInt(values.length)];
  }

  static <T> Gen<T> of(List<T> values) {
    return random -> values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    return random -> gens[random.nextInt(gens.length)].next(random);
  }

  static Gen<Integer> ints(int min, int max) {
    return random -> min + random.nextInt(max - min + 1);
  }

  /** Letters a to z and A to Z. */
  static Gen<String> letters(int min, int max) {
    return random -> {
      StringBuilder text = new StringBuilder();
      for (int i = min + random.nextInt(max - min + 1); i > 0; i--) {
        int letter = random.nextInt(52);
        text.append((char) (letter < 26 ? 'a' + letter : 'A' + letter - 26));
      }
      return text.toString();
    };
  }

  /** Any UTF-16 units, lone surrogates and control characters included. */
  static Gen<String> anyText(int max) {
    return random -> {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(max + 1); i > 0; i--) {
        text.append((char) random.nextInt(Character.MAX_VALUE + 1));
      }
      return text.toString();
    };
  }

  /** Chooses among generators in proportion to their weights. */
  static <T> Weighted<T> weighted() {
    return new Weighted<>();
  }

  final class Weighted<T> implements Gen<T> {
    private final List<Integer> weights = new ArrayList<>();
    private final List<Gen<? extends T>> gens = new ArrayList<>();
    private int total;

    Weighted<T> add(int weight, Gen<? extends T> gen) {
      weights.add(weight);
      gens.add(gen);
      total += weight;
      return this;
    }

    @Override
    public T next(Random random) {
      int pick = random.nextInt(total);
      for (int i = 0; i < gens.size(); i++) {
        pick -= weights.get(i);
        if (pick < 0) {
          return gens.get(i).next(random);
        }
      }
      throw new IllegalStateException("no generator");
    }
  }
}
