/// The resident bytes of one row made by iterating a tensor or an array, counted against
/// `--max-memory` before the rows are made. Measured on the release build: the peak resident
/// size of `list(torch.zeros(10**6))` minus an empty script's is 246 bytes a row, and of
/// `list(np.zeros(10**6))` 344 bytes a row.
enum RowObjectBytes {
    /// A tensor row (a view: its object, shape and strides; the storage is shared).
    static let tensorView = 256
    /// A NumPy array row (the array object around a tensor view).
    static let arrayView = 352
}
