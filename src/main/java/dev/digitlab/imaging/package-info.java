/**
 * Pixels to network input: the preprocessing recipes a model names (MNIST's crop, 20x20 box and
 * 28x28 frame), ink detection, resampling, picture files and redrawn test digits; no UI.
 */
package dev.digitlab.imaging;
