/** The neural network on ND4J: layers, loss, optimizers and the model spec that describes them; no UI. */
package dev.digitlab.nn;
