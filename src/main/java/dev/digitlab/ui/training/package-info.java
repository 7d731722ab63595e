/** The Training tab: the hyperparameter form and presets, the background training task and the live accuracy and loss curves. */
package dev.digitlab.ui.training;
