fn main() {
    fabrique::start();
}
