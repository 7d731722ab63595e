/** The Draw tab: the drawing pad, the live reading of the drawing, its probabilities and the 28x28 picture the network receives. */
package dev.digitlab.ui.draw;
