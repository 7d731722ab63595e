/** The Tutorial tab: the tutorial's steps in order, each explained, shown in Keras and done for real. */
package dev.digitlab.ui.tutorial;
