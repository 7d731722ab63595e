/** Reading IDX files, the MNIST data set, its splits and batches, and finding or downloading it; no UI. */
package dev.digitlab.data;
