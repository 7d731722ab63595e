package dev.digitlab.ui.tutorial;

import dev.digitlab.ui.shared.Messages;

/**
 * The steps of the "first neural network" tutorial, in order. Each has a title and an explanation
 * in the messages ({@code tutorial.<id>.title}, {@code tutorial.<id>.text}) and the Keras code that
 * does the same, which is the same in every language.
 */
public enum TutorialStep {
    /** Load MNIST: 60,000 training and 10,000 test images. */
    LOAD("load", """
            from tensorflow.keras.datasets import mnist

            (x_train, y_train), (x_test, y_test) = mnist.load_data()
            print(x_train.shape, x_test.shape)   # (60000, 28, 28) (10000, 28, 28)"""),
    /** Flatten to 784, divide by 255, one-hot labels. */
    PREPARE("prepare", """
            from tensorflow.keras.utils import to_categorical

            x_train = x_train.reshape(60000, 784).astype("float32") / 255
            x_test = x_test.reshape(10000, 784).astype("float32") / 255
            y_train = to_categorical(y_train, 10)
            y_test = to_categorical(y_test, 10)"""),
    /** 784 inputs, Dense(128, relu), Dense(10, softmax): 101,770 weights. */
    BUILD("build", """
            from tensorflow.keras.models import Sequential
            from tensorflow.keras.layers import Dense

            model = Sequential([
                Dense(128, activation="relu", input_shape=(784,)),
                Dense(10, activation="softmax"),
            ])
            model.summary()   # Total params: 101,770"""),
    /** Adam and categorical cross-entropy. */
    COMPILE("compile", """
            from tensorflow.keras.optimizers import Adam

            model.compile(optimizer=Adam(learning_rate=0.001, decay=1e-6),
                          loss="categorical_crossentropy",
                          metrics=["accuracy"])"""),
    /** Batch 64, 10 epochs, 20% validation. */
    TRAIN("train", """
            history = model.fit(x_train, y_train,
                                batch_size=64, epochs=10,
                                validation_split=0.2)"""),
    /** Test accuracy, expected 97.5-98%. */
    EVALUATE("evaluate", """
            loss, accuracy = model.evaluate(x_test, y_test)
            print(f"test accuracy: {accuracy:.4f}")   # about 0.975-0.98"""),
    /** Accuracy and loss per epoch. */
    PLOT("plot", """
            import matplotlib.pyplot as plt

            plt.plot(history.history["accuracy"], label="training")
            plt.plot(history.history["val_accuracy"], label="validation")
            plt.xlabel("epoch"); plt.ylabel("accuracy")
            plt.legend(); plt.show()"""),
    /** One random test image: prediction and true label. */
    PREDICT("predict", """
            import numpy as np

            i = np.random.randint(len(x_test))
            probabilities = model.predict(x_test[i:i + 1])[0]
            print("predicted", probabilities.argmax(), "true", y_test[i].argmax())"""),
    /** Save the model to a file and load it back. */
    SAVE("save", """
            from tensorflow.keras.models import load_model

            model.save("mnist-mlp.keras")
            model = load_model("mnist-mlp.keras")"""),
    /** Deeper, dropout, learning-rate decay, a CNN: compared on one chart. */
    IMPROVE("improve", """
            from tensorflow.keras.layers import Dropout

            model = Sequential([
                Dense(256, activation="relu", input_shape=(784,)), Dropout(0.2),
                Dense(128, activation="relu"), Dropout(0.2),
                Dense(10, activation="softmax"),
            ])
            # learning-rate decay: Adam(learning_rate=0.001, decay=1e-4)
            # a CNN: Conv2D(32, 5) + MaxPooling2D(2), Conv2D(64, 3) + MaxPooling2D(2), Dense(128)""");

    private final String id;
    private final String keras;

    TutorialStep(String id, String keras) {
        this.id = id;
        this.keras = keras;
    }

    /** The name in message keys and the progress file, e.g. {@code load}. */
    public String id() {
        return id;
    }

    /** The Keras code that does this step. */
    public String keras() {
        return keras;
    }

    /** E.g. "Load the data". */
    public String title() {
        return Messages.get("tutorial." + id + ".title");
    }

    /** A few sentences on what the step does and why. */
    public String text() {
        return Messages.get("tutorial." + id + ".text");
    }

    /** The step with {@code id}, or null. */
    static TutorialStep byId(String id) {
        for (TutorialStep step : values()) {
            if (step.id.equals(id)) {
                return step;
            }
        }
        return null;
    }
}
