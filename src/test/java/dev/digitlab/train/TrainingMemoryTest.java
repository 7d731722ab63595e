package dev.digitlab.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.nn.ModelSpec;
import org.junit.jupiter.api.Test;

/** Issue 18, case 1: a network too big for Java's memory is refused before training, with the figures. */
class TrainingMemoryTest {

    @Test
    void theTutorialNetworkNeedsAFewMegabytes() {
        long bytes = TrainingMemory.bytesNeeded(ModelSpec.preset("tutorial"), 64);
        // 101,770 parameters x 16 bytes, plus 64 x (784 + 128 + 10) values x 12 bytes: about 2.3 MB.
        assertTrue(bytes > 2_000_000 && bytes < 3_000_000, "bytes " + bytes);
        assertDoesNotThrow(() -> TrainingMemory.requireRoom(ModelSpec.preset("tutorial"), 64, 512L << 20));
    }

    @Test
    void aNetworkBeyondJavasMemoryIsRefusedWithWhatItNeedsAndWhatThereIs() {
        ModelSpec wide = ModelSpec.parse("784 -> 40000 relu -> 10 softmax");
        TrainingException e = assertThrows(TrainingException.class,
                () -> TrainingMemory.requireRoom(wide, 60_000, 1L << 30));
        assertTrue(e.getMessage().contains("more than the 1,024 MB Java may use"), e.getMessage());
        assertTrue(e.getMessage().contains("use smaller layers or a smaller batch"), e.getMessage());
    }
}
