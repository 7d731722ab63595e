/**
 * DigitLab: train a first neural network on MNIST, then draw digits for it to read; one subpackage
 * per concern.
 */
package dev.digitlab;
