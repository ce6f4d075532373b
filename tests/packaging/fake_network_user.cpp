// A program that needs the stand-in libQt6Network.so (fake_network_library.cpp).
int rashisa_fake_network_function();

int main() { return rashisa_fake_network_function() == 42 ? 0 : 1; }
