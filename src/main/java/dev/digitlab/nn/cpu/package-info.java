/** The native plumbing under the layers: ND4J's start, BLAS calls, host copies and reusable off-heap buffers. */
package dev.digitlab.nn.cpu;
