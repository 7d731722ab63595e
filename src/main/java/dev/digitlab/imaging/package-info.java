/** Turning drawn or loaded pixels into MNIST-style 28x28 network input; no UI. */
package dev.digitlab.imaging;
