package dev.digitlab.io.keras;

import java.util.ArrayList;
import java.util.List;

/** A dense or conv layer of a {@link KerasPlan} and what its weights are made of. */
final class Weighted {

    final KerasLayer layer;
    final boolean conv;
    final int slot;
    final long[] inputShape;
    /** Channels-last image {@code [h, w, c]} flattened right before this dense layer, when c > 1. */
    long[] flattenedImage;
    /** Applied to the input (Rescaling, or a BatchNormalization after the layer before). */
    KerasLayer inputRescaling;
    KerasLayer inputBatchNorm;
    /** BatchNormalization layers after it, folded into it, in order. */
    final List<KerasLayer> outputBatchNorms = new ArrayList<>();

    Weighted(KerasLayer layer, boolean conv, int slot, long[] inputShape) {
        this.layer = layer;
        this.conv = conv;
        this.slot = slot;
        this.inputShape = inputShape;
    }
}
