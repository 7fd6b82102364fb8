extension Workspace {
    /// Readies the next frame of the given size: says "stopped" once stopped work has ended, and
    /// lays every visible pane out at its interior size (panes ask for the work their view needs).
    mutating func layOut(width: Int, height: Int) {
        if let stopping = stoppingMessage, !runningWork.contains(where: \.isStopping) {
            stoppingMessage = nil
            if stopping.serial == messageSerial { say("stopped: " + stopping.labels.joined(separator: ", ")) }
        }
        lastSize = (width, height)
        guard width >= Self.minimumSize.width, height >= Self.minimumSize.height else { return }
        for (id, frame) in frames(width: width, height: height).sorted(by: { $0.key < $1.key }) {
            let interior = frame.inset(by: 1)
            guard interior.width >= Self.smallestInterior.width, interior.height >= Self.smallestInterior.height else { continue }
            update(id, .layout(width: interior.width, height: interior.height))
        }
    }
}
