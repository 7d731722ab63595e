/**
 * Keras model files: reads the legacy HDF5 {@code .h5} and Keras 3 {@code .keras} files learners save
 * after the tutorial into DigitLab models, and writes DigitLab models as {@code .h5} files Keras loads.
 */
package dev.digitlab.io.keras;
