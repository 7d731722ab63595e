/** Model files: saving and loading networks as self-describing JSON (Gson), atomically and safely. */
package dev.digitlab.io;
