/**
 * Training jobs: the training loop and its listener, the job that builds, fits and tests a model,
 * histories and evaluation; no UI.
 */
package dev.digitlab.train;
