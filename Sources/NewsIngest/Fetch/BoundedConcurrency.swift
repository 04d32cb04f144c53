/// Runs work on many elements with a cap on how many run at once.
public enum BoundedConcurrency {
    /// Runs `operation` on every element, at most `limit` at a time, and hands each result to
    /// `onResult` (with the element's index) as soon as it is ready, in completion order.
    ///
    /// `onResult` runs on the calling task, one call at a time, so it may mutate local state
    /// and perform serialized work (store writes) while other operations keep running.
    public static func forEach<Element: Sendable, Output: Sendable>(
        _ elements: [Element], limit: Int,
        operation: @escaping @Sendable (Element) async -> Output,
        onResult: (Int, Output) async -> Void
    ) async {
        await withTaskGroup(of: (Int, Output).self) { group in
            var next = 0
            func startNext() {
                guard next < elements.count else { return }
                let index = next
                let element = elements[index]
                group.addTask { (index, await operation(element)) }
                next += 1
            }
            for _ in 0..<max(1, limit) { startNext() }
            while let (index, output) = await group.next() {
                await onResult(index, output)
                startNext()
            }
        }
    }
}
