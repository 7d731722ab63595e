/** The Evaluate tab: test-set evaluation, the confusion matrix and its galleries, training histories and first-layer weights. */
package dev.digitlab.ui.evaluate;
