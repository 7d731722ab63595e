/** Pen strokes to pixels: strokes and drawings, the round-pen rasterizer, and reading a drawing through the MNIST preprocessing. */
package dev.digitlab.imaging.strokes;
