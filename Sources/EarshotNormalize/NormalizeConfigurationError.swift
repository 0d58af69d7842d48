import EarshotModel

/// The workspace configuration asks for something normalization cannot do.
public struct NormalizeConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The sentence shown to the user.
    public var message: String

    public var description: String { message }
}
