/**
 * Exports of a fitted body for viewers and tools: a glTF 2.0 binary (GLB) with the hm08 skeleton and
 * its skin weights, and a plain Wavefront OBJ. Both take the fit's body in centimetres (soles at
 * y = 0, y up, facing +z) and write metres, the unit glTF and most tools assume.
 */
package dev.mensura.fitting.model;
