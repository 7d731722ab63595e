/**
 * The neural network on ND4J: the layer kinds and their layers, the loss, the training step and
 * the model spec that describes them; no UI.
 */
package dev.digitlab.nn;
