/// Linear-algebra functions PyTorch 2.15 removed but still binds, to raise its error naming the
/// replacement (torch/_linalg_utils.py).
enum RemovedLinalg {
    /// `torch.qr(A, some)` and `Tensor.qr`'s RuntimeError.
    static func qrMessage(some: Bool) -> String {
        "This function was deprecated since version 1.9 and is now removed. `torch.qr` is deprecated in favor of `torch.linalg.qr` and the boolean parameter `some` has been replaced with a string parameter `mode`.\n\nQ, R = torch.qr(A) should be replaced with:\nQ, R = torch.linalg.qr(A, mode='reduced')\n\nand\n\nQ, R = torch.qr(A, some=False) should be replaced with:\nQ, R = torch.linalg.qr(A, mode='complete')\n\nSince `some` was set to \(some ? "True" : "False"), use mode='\(some ? "reduced" : "complete")'."
    }
}
