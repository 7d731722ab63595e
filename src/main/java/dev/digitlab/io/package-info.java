/**
 * The files DigitLab keeps: model files as self-describing JSON (Gson), the shipped models, the
 * settings and the error log, all written atomically.
 */
package dev.digitlab.io;
