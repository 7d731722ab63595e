package dev.digitlab.nn.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ND4J's start: its libraries on a background thread, its backend only where the app allows it. */
class NdStartTest {

    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final ExecutorService placeThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "place"));

    @AfterEach
    void stopPlace() {
        placeThread.shutdownNow();
    }

    private NdStart.Start start() {
        return new NdStart.Start(() -> steps.add("libraries on " + Thread.currentThread().getName()),
                () -> steps.add("backend on " + Thread.currentThread().getName()));
    }

    /** A place that runs its steps on its own thread. */
    private NdStart.Place place() {
        return new NdStart.Place() {
            @Override
            public void execute(Runnable step) {
                placeThread.execute(step);
            }

            @Override
            public boolean isCurrent() {
                return "place".equals(Thread.currentThread().getName());
            }
        };
    }

    @Test
    void withoutAPlaceBothStepsRunInOrderOnTheBackgroundThread() {
        NdStart.Start start = start();
        start.await();
        assertEquals(List.of("libraries on nd4j-start", "backend on nd4j-start"), steps);
    }

    @Test
    void withAPlaceTheBackendStepRunsThereAfterTheLibraries() {
        NdStart.Start start = start();
        assertTrue(start.backendOn(place()));
        start.await();
        assertEquals(List.of("libraries on nd4j-start", "backend on place"), steps);
    }

    @Test
    void waitingOnThePlaceItselfRunsTheBackendStepThereOnceInsteadOfWaitingForever() throws Exception {
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        NdStart.Place busyPlace = new NdStart.Place() {
            @Override
            public void execute(Runnable step) {
                queued.add(step); // its thread is busy: the step would wait for its turn
            }

            @Override
            public boolean isCurrent() {
                return "place".equals(Thread.currentThread().getName());
            }
        };
        NdStart.Start start = start();
        start.backendOn(busyPlace);
        placeThread.submit(start::await).get(10, TimeUnit.SECONDS);
        queued.forEach(Runnable::run); // the turn comes later: nothing runs twice
        assertEquals(List.of("libraries on nd4j-start", "backend on place"), steps);
    }

    @Test
    void theStartBeginsOnceAndAPlaceGivenAfterwardsIsRefused() {
        NdStart.Start start = start();
        assertSame(start.begin(), start.begin());
        assertFalse(start.backendOn(place()));
        start.await();
        assertEquals(List.of("libraries on nd4j-start", "backend on nd4j-start"), steps);
    }

    @Test
    void aBackendThatCannotStartIsReportedWithItsOwnErrorToEveryoneWhoWaits() {
        AtomicInteger tries = new AtomicInteger();
        NdStart.Start start = new NdStart.Start(() -> {
            throw new UnsatisfiedLinkError("no libnd4jcpu.so here");
        }, () -> {
            tries.incrementAndGet();
            throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
        });
        IllegalStateException first = assertThrows(IllegalStateException.class, start::await);
        IllegalStateException again = assertThrows(IllegalStateException.class, start::await);
        assertEquals("ND4J could not start: no jnind4jcpu in java.library.path", first.getMessage());
        assertTrue(first.getCause() instanceof UnsatisfiedLinkError);
        assertEquals(first.getMessage(), again.getMessage());
        assertEquals(1, tries.get());
    }
}
