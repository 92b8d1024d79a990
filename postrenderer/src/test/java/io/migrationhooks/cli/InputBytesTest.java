package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationhooks.yaml.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputBytesTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65_535, 65_536, 65_537, 196_608, 1_000_000, 9_000_001})
  void readsEveryByteInOrderWhateverTheSizeAndHoweverThePipeSplitsIt(int size) throws IOException {
    byte[] input = new byte[size];
    new Random(size).nextBytes(input);

    assertThat(InputBytes.readAll(new SmallReads(new ByteArrayInputStream(input)), size)).isEqualTo(input);
    assertThat(InputBytes.readAll(new ByteArrayInputStream(input), Long.MAX_VALUE)).isEqualTo(input);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 65_536, 200_000})
  void refusesOneByteMoreThanTheBound(int bound) {
    byte[] input = new byte[bound + 1];

    assertThatThrownBy(() -> InputBytes.readAll(new ByteArrayInputStream(input), bound))
        .isInstanceOf(BadInputException.class)
        .hasMessage("input is larger than " + bound + " bytes (see --max-stream-bytes)");
  }

  /** Gives at most 1,000 bytes per read, as a pipe gives what it holds. */
  private static final class SmallReads extends FilterInputStream {
    SmallReads(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return super.read(buffer, offset, Math.min(length, 1_000));
    }
  }
}
