package org.cnnbook.clinic;

/** What can go wrong when test images are prepared for a trained network: the choices of notebook 7's diagnosis. */
public enum PreparationMistake {
    /** The pixels were left at 0..255. */
    NOT_SCALED,
    /** The pixels were divided by 255 twice. */
    SCALED_TWICE,
    /** The channel axis is last, [n, 28, 28, 1], where the network expects it second. */
    CHANNELS_LAST,
    /** Every picture's rows became its columns: the digits are mirrored along the diagonal. */
    ROWS_AND_COLUMNS_SWAPPED,
    /** The images are no longer in the order of their labels. */
    IMAGES_SHUFFLED
}
