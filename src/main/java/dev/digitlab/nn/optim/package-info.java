/** The optimizers that step a network's parameters, SGD and Adam, and the settings that choose one. */
package dev.digitlab.nn.optim;
