/**
 * Pen strokes to pixels: strokes and drawings, the round-pen rasterizer, and reading a drawing
 * through the model's preprocessing recipe.
 */
package dev.digitlab.imaging.strokes;
