/** The coach: plain rules over a run's history that say what went wrong and what to change; no UI. */
package dev.digitlab.train.coach;
